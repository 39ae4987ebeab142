import { useId } from 'react';
import { ROLES, type Role } from '../../api/access';
import { useIdentity } from '../../hooks/use-identity';
import { useRedaction } from '../../hooks/use-redaction';
import { useT } from '../../i18n/use-t';

const ROLE_KEYS = {
  operator: 'identity.role.operator',
  manager: 'identity.role.manager',
  wall: 'identity.role.wall',
  public: 'identity.role.public',
} as const satisfies Record<Role, string>;

/**
 * Who is signed in, with a way out; on the offline demo, the demo identity with its role, which
 * a presenter may switch to show what each role sees. A public screen names nobody.
 */
export function IdentityMenu() {
  const identity = useIdentity();
  const onPublicScreen = useRedaction();
  const t = useT();
  const id = useId();
  if (identity.switchRole) {
    const switchRole = identity.switchRole;
    return (
      <div className="identity identity--demo">
        <label htmlFor={id}>{t('identity.demo')}</label>
        <select id={id} value={identity.role ?? ''} onChange={(e) => switchRole(e.target.value as Role)}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(ROLE_KEYS[role])}
            </option>
          ))}
        </select>
      </div>
    );
  }
  return (
    <div className="identity">
      {!onPublicScreen && <span>{t('identity.signedInAs', { name: identity.name })}</span>}
      {identity.signOut && (
        <button type="button" className="button" onClick={identity.signOut}>
          {t('identity.signOut')}
        </button>
      )}
    </div>
  );
}
