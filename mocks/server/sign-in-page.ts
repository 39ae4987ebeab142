import { DEV_ACCOUNTS } from './dev-accounts';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The development provider's sign-in page: plain HTML, no script, labelled for screen readers. */
export function signInPage(uid: string, problem?: string): string {
  const accounts = Object.entries(DEV_ACCOUNTS)
    .map(
      ([id, a]) =>
        `<li><code>${escapeHtml(id)}</code> (${escapeHtml(a.role)}): <code>${escapeHtml(a.password)}</code></li>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sign in · Territorio</title></head>
<body>
<main>
<h1>Sign in to Territorio</h1>
${problem ? `<p role="alert">${escapeHtml(problem)}</p>` : ''}
<form method="post" action="/oidc/interaction/${encodeURIComponent(uid)}/login">
<p><label for="username">Account</label><br><input id="username" name="username" autocomplete="username" required autofocus></p>
<p><label for="password">Password</label><br><input id="password" name="password" type="password" autocomplete="current-password" required></p>
<p><button type="submit">Sign in</button></p>
</form>
<h2>Development accounts</h2>
<p>This is the reference server's development provider. Connect a real identity provider for any real use.</p>
<ul>${accounts}</ul>
</main>
</body>
</html>`;
}
