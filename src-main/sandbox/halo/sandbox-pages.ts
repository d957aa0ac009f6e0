/** The few HTML pages of the Halo sandbox's authorisation server: the consent page and error pages. */

const style = `body{font-family:system-ui,sans-serif;background:#f4f6fa;color:#1a202c;display:flex;justify-content:center;padding:48px 16px}
main{background:#fff;border-radius:12px;box-shadow:0 2px 12px #0002;max-width:460px;width:100%;padding:28px}
h1{font-size:20px;margin:0 0 8px}.tag{display:inline-block;background:#fef3c7;color:#92400e;border-radius:6px;padding:2px 8px;font-size:12px;font-weight:600}
ul{padding-left:20px}button{font-size:15px;padding:9px 18px;border-radius:8px;border:1px solid #cbd5e0;background:#fff;cursor:pointer;margin-right:8px}
button.primary{background:#2563eb;border-color:#2563eb;color:#fff}`

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title><style>${style}</style></head><body><main>${body}</main></body></html>`
}

export function consentPage(options: { application: string; tenant: string | null; scopes: readonly string[]; requestId: string }): string {
  return page(
    'Sign in to Halo (sandbox)',
    `<span class="tag">Local Halo sandbox</span>
<h1>Allow ${escape(options.application)} to use Halo?</h1>
<p>${options.tenant ? `Tenant <b>${escape(options.tenant)}</b>. ` : ''}It asks for:</p>
<ul>${options.scopes.map((scope) => `<li><code>${escape(scope)}</code></li>`).join('')}</ul>
<form method="post" action="authorize">
<input type="hidden" name="request" value="${escape(options.requestId)}">
<button class="primary" type="submit" name="decision" value="approve">Approve</button>
<button type="submit" name="decision" value="deny">Deny</button>
</form>`
  )
}

export function errorPage(title: string, message: string): string {
  return page(title, `<span class="tag">Local Halo sandbox</span><h1>${escape(title)}</h1><p>${escape(message)}</p>`)
}
