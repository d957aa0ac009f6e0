/** The small pages the loopback listener shows in the admin's browser after a sign-in. */
const style =
  'body{font-family:system-ui,sans-serif;background:#f6f7f9;color:#1a1b1e;display:flex;min-height:100vh;margin:0;align-items:center;justify-content:center}' +
  'main{background:#fff;border:1px solid #dee2e6;border-radius:8px;padding:32px 40px;max-width:520px}h1{font-size:20px;margin:0 0 8px}p{margin:0;color:#495057;line-height:1.5}'

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${style}</style></head><body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p></main></body></html>`
}

export const successPage = (service: string): string =>
  page(`Signed in to ${service}`, 'You can close this tab and go back to Identity Studio.')

export const failurePage = (service: string, reason: string): string =>
  page(`Sign-in to ${service} did not complete`, `${reason} Go back to Identity Studio to try again; you can close this tab.`)
