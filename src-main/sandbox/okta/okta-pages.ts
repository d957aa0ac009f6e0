/** The few HTML pages of the Okta sandbox's sign-in: the sign-in form and error pages. */

const style = `body{font-family:system-ui,sans-serif;background:#f4f6fa;color:#1d1d21;display:flex;justify-content:center;padding:48px 16px}
main{background:#fff;border-radius:10px;box-shadow:0 2px 12px #0002;max-width:420px;width:100%;padding:28px}
h1{font-size:20px;margin:0 0 12px}.tag{display:inline-block;background:#e0ecff;color:#00297a;border-radius:6px;padding:2px 8px;font-size:12px;font-weight:600}
label{display:block;font-size:14px;margin:12px 0 4px}input{width:100%;box-sizing:border-box;font-size:15px;padding:8px;border:1px solid #c1c1c8;border-radius:6px}
button{margin-top:16px;width:100%;font-size:15px;padding:10px;border-radius:6px;border:0;background:#1662dd;color:#fff;cursor:pointer}
.error{background:#fde8e8;color:#8f1111;border-radius:6px;padding:8px 10px;font-size:14px}.hint{font-size:13px;color:#5b5b66}code{font-size:12px}`

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${style}</style></head><body><main>${body}</main></body></html>`
}

export function signInPage(options: { application: string; action: string; requestId: string; login: string; error: string | null; demoLogins: readonly string[]; password: string }): string {
  return page(
    'Sign In (Okta sandbox)',
    `<span class="tag">Local Okta sandbox</span>
<h1>Sign in to ${escapeHtml(options.application)}</h1>
${options.error ? `<p class="error" role="alert">${escapeHtml(options.error)}</p>` : ''}
<form method="post" action="${escapeHtml(options.action)}">
<input type="hidden" name="request" value="${escapeHtml(options.requestId)}">
<label for="username">Username</label><input id="username" name="username" autocomplete="username" value="${escapeHtml(options.login)}">
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password">
<button type="submit">Sign in</button>
</form>
<p class="hint">Every active demo person signs in with the password <code>${escapeHtml(options.password)}</code>, for example:</p>
<ul class="hint">${options.demoLogins.map((login) => `<li><code>${escapeHtml(login)}</code></li>`).join('')}</ul>`
  )
}

export function errorPage(title: string, message: string): string {
  return page(title, `<span class="tag">Local Okta sandbox</span><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>`)
}
