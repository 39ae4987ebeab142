import { createHash } from 'node:crypto';
import { DEV_ACCOUNTS } from './dev-accounts';

/**
 * The development provider's pages: plain HTML with no script or outside resource (the reference
 * server works offline and sends a strict Content-Security-Policy), one inline style allowed by
 * its hash, labelled for screen readers.
 */

const STYLE =
  'body{font:1.25rem/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem}' +
  'input,button{font:inherit;padding:.3rem .6rem}[role=alert]{color:#b00020;font-weight:600}';

/** The CSP source that lets the pages' one style through, and nothing else. */
export const PAGE_STYLE_SOURCE = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const page = (title: string, body: string) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} · Territorio</title><style>${STYLE}</style></head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>`;

/** The sign-in form, with the development accounts listed. */
export function signInPage(uid: string, problem?: string): string {
  const accounts = Object.entries(DEV_ACCOUNTS)
    .map(
      ([id, a]) =>
        `<li><code>${escapeHtml(id)}</code> (${escapeHtml(a.role)}), password <code>${escapeHtml(a.password)}</code></li>`,
    )
    .join('');
  return page(
    'Sign in to Territorio',
    `${problem ? `<p role="alert">${escapeHtml(problem)}</p>` : ''}
<form method="post" action="/oidc/interaction/${encodeURIComponent(uid)}/login">
<p><label for="username">Account</label><br><input id="username" name="username" autocomplete="username" required autofocus></p>
<p><label for="password">Password</label><br><input id="password" name="password" type="password" autocomplete="current-password" required></p>
<p><button type="submit">Sign in</button></p>
</form>
<h2>Development accounts</h2>
<p>This is the reference server's development provider. Connect a real identity provider for any real use.</p>
<ul>${accounts}</ul>`,
  );
}

/** Asks before ending the session; `form` is the provider's own form, with its hidden fields. */
export const signOutPage = (form: string) =>
  page(
    'Sign out of Territorio?',
    `${form}
<p><button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Sign out</button>
<button type="submit" form="op.logoutForm">Stay signed in</button></p>`,
  );

export const signedOutPage = () => page('Signed out', '<p>You have signed out of Territorio.</p>');

export const providerErrorPage = (error: string, description?: string) =>
  page('Sign-in problem', `<p role="alert">${escapeHtml(description ?? error)}</p>`);
