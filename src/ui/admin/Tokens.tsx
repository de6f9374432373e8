/**
 * Who holds admin access now: every admin token — a staff member's session at /admin or an
 * API admin's token — with when it was made, when it ends, its last use, and revoking one
 * (the server refuses to revoke the site's last valid token: `409 last_admin_token`).
 */
import { useState } from 'preact/hooks';
import type { ConfigBundle } from '../../domain/config/schema';
import type { AdminTokenSummary } from '../../domain/protocol';
import { Pending, Refusal, useLoaded, when } from './shared';
import { type AdminLanguage, at } from './text';

export type TokenActions = {
  tokens(): Promise<AdminTokenSummary[]>;
  revokeToken(tokenId: string): Promise<void>;
};

export function Tokens(props: {
  lang: AdminLanguage;
  config: ConfigBundle;
  actions: TokenActions;
  canWrite: boolean;
  /** The token of this session: it is ended by signing out, not here. */
  ownTokenId: string;
}) {
  const { lang, actions, canWrite } = props;
  const list = useLoaded(actions.tokens);
  const [error, setError] = useState<unknown>(null);
  const timeZone = props.config.site.timeZone;
  const now = Date.now();
  const stateOf = (t: AdminTokenSummary) =>
    t.revokedAt !== null
      ? at(lang, 'revokedAt', { time: when(t.revokedAt, timeZone, lang) })
      : t.expiresAt <= now
        ? at(lang, 'tokenExpired')
        : at(lang, 'active');
  return (
    <section class="admin-section" aria-labelledby="admin-tokens">
      <h1 id="admin-tokens">{at(lang, 'tokensTitle')}</h1>
      <p>{at(lang, 'tokensLead')}</p>
      <Refusal error={error} />
      {list.value === null ? (
        <Pending lang={lang} error={list.error} retry={list.reload} />
      ) : (
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">{at(lang, 'colWho')}</th>
              <th scope="col">{at(lang, 'colMade')}</th>
              <th scope="col">{at(lang, 'colEnds')}</th>
              <th scope="col">{at(lang, 'colLastUsed')}</th>
              <th scope="col">{at(lang, 'colStatus')}</th>
              {canWrite && <th scope="col">{at(lang, 'colActions')}</th>}
            </tr>
          </thead>
          <tbody>
            {list.value.map((t) => {
              const live = t.revokedAt === null && t.expiresAt > now;
              return (
                <tr key={t.tokenId}>
                  <th scope="row">
                    {t.adminName}
                    {t.tokenId === props.ownTokenId && ` · ${at(lang, 'thisSession')}`}
                  </th>
                  <td>{when(t.createdAt, timeZone, lang)}</td>
                  <td>{when(t.expiresAt, timeZone, lang)}</td>
                  <td>
                    {t.lastUsedAt === null ? at(lang, 'never') : when(t.lastUsedAt, timeZone, lang)}
                  </td>
                  <td>{stateOf(t)}</td>
                  {canWrite && (
                    <td>
                      {live && t.tokenId !== props.ownTokenId && (
                        <button
                          type="button"
                          class="btn btn--secondary"
                          aria-label={`${at(lang, 'revoke')}: ${t.adminName}, ${when(t.createdAt, timeZone, lang)}`}
                          onClick={() => {
                            setError(null);
                            actions.revokeToken(t.tokenId).then(list.reload, setError);
                          }}
                        >
                          {at(lang, 'revoke')}
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
