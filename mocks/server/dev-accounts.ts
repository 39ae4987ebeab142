import { createHash, timingSafeEqual } from 'node:crypto';
import { ROLE_SCOPES, SCOPES, type Role, type Scope } from '../../src/api/access';

/** An account of the development provider: one per role, documented in the README. */
export interface DevAccount {
  role: Role;
  name: string;
  password: string;
}

export const DEV_ACCOUNTS: Record<string, DevAccount> = {
  operator: { role: 'operator', name: 'Giulia Bianchi', password: 'operator-territorio' },
  manager: { role: 'manager', name: 'Marco Rossi', password: 'manager-territorio' },
  wall: { role: 'wall', name: 'Control-room wall', password: 'wall-territorio' },
  public: { role: 'public', name: 'Public screen', password: 'public-territorio' },
};

/** The scopes an account is granted; a wall may acknowledge only where so configured. */
export function accountScopes(account: DevAccount, wallAcknowledges: boolean): readonly Scope[] {
  const scopes = ROLE_SCOPES[account.role];
  return account.role === 'wall' && wallAcknowledges ? [...scopes, SCOPES.acknowledge] : scopes;
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** The account behind a user name and password, or null; the password compared in constant time. */
export function checkPassword(username: string, password: string): DevAccount | null {
  const account = Object.hasOwn(DEV_ACCOUNTS, username) ? DEV_ACCOUNTS[username]! : null;
  const matches = timingSafeEqual(digest(account?.password ?? ''), digest(password));
  return account && matches ? account : null;
}
