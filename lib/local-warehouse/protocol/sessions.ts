/**
 * Login sessions, in memory: a restart of the local warehouse logs every client out (their next
 * call gets 390104 and the driver has to connect again), while queries and results survive in
 * the engine. Token lifetimes follow Snowflake: a session token lasts `validityInSeconds`,
 * after which the driver renews it with the master token, which lasts `masterValidityInSeconds`.
 */
import { randomBytes } from 'node:crypto';
import type { SessionContext, SessionVariable } from '../engine/types';
import { CODES, ProtocolError } from './errors';
import type { SessionParameters } from './session-parameters';

export interface Session {
  context: SessionContext;
  /** The parameters set at the session's level: at login, then by ALTER SESSION. */
  parameters: SessionParameters;
  /** Its variables (SET), by upper-case name. */
  variables: Readonly<Record<string, SessionVariable>>;
  token: string;
  masterToken: string;
  tokenExpiresAt: number;
  masterExpiresAt: number;
  /** Set by logout; the tokens then answer 390111 until the session is swept. */
  closed: boolean;
}

/** Who a container's session runs as: the job's owner, in the job's database and schema. */
export type ContainerTokenContext = Omit<SessionContext, 'sessionId' | 'queryTag'>;

/** An OAuth token for one job's containers, valid until revoked (when the job ends). */
export interface ContainerToken {
  token: string;
  revoke(): void;
}

export type ContainerTokenIssuer = (context: ContainerTokenContext) => ContainerToken;

export interface SessionStoreOptions {
  /** Snowflake: 3600. */
  validitySeconds?: number;
  /** Snowflake: 14400. */
  masterValiditySeconds?: number;
  now?: () => number;
}

/** Sweeping ended sessions costs a pass over all of them, so it runs at most this often. */
const SWEEP_INTERVAL_MS = 60_000;

const AUTHORIZATION = /^Snowflake Token="([^"]+)"$/;

function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export class SessionStore {
  readonly validitySeconds: number;
  readonly masterValiditySeconds: number;
  private readonly now: () => number;
  private readonly bySessionToken = new Map<string, Session>();
  private readonly byMasterToken = new Map<string, Session>();
  private readonly containerTokens = new Map<string, ContainerTokenContext>();
  /** Snowflake session ids are large integers; starting from the clock keeps them unique across restarts. */
  private nextSessionId: number;
  private lastSweep: number;

  constructor(options: SessionStoreOptions = {}) {
    this.validitySeconds = options.validitySeconds ?? 3600;
    this.masterValiditySeconds = options.masterValiditySeconds ?? 14_400;
    this.now = options.now ?? Date.now;
    this.nextSessionId = this.now();
    this.lastSweep = this.now();
  }

  create(context: Omit<SessionContext, 'sessionId'>, parameters: SessionParameters): Session {
    this.sweepIfDue();
    const now = this.now();
    const session: Session = {
      context: { ...context, sessionId: this.nextSessionId++ },
      parameters,
      variables: {},
      token: newToken(),
      masterToken: newToken(),
      tokenExpiresAt: now + this.validitySeconds * 1000,
      masterExpiresAt: now + this.masterValiditySeconds * 1000,
      closed: false,
    };
    this.bySessionToken.set(session.token, session);
    this.byMasterToken.set(session.masterToken, session);
    return session;
  }

  /**
   * Mints the OAuth token Snowflake puts in a container's session token file. Snowflake's is
   * short-lived and refreshed in the file; this one lasts until `revoke`, which the job runtime
   * calls when the job ends.
   */
  issueContainerToken: ContainerTokenIssuer = (context) => {
    const token = newToken();
    this.containerTokens.set(token, { ...context });
    return { token, revoke: () => void this.containerTokens.delete(token) };
  };

  /** The context an OAuth login's token stands for, or Snowflake's 390303. */
  redeemOAuthToken(token: unknown): ContainerTokenContext {
    const context = typeof token === 'string' ? this.containerTokens.get(token) : undefined;
    if (!context) {
      throw new ProtocolError(
        CODES.OAUTH_TOKEN_INVALID,
        typeof token === 'string' && token !== ''
          ? 'Invalid OAuth access token: this local warehouse did not issue it, or the job it was issued for has ended.'
          : 'Invalid OAuth access token: an OAUTH login needs the token in data.TOKEN.',
      );
    }
    return context;
  }

  /** The live session an `Authorization` header names, or the Snowflake error saying why not. */
  authenticate(authorization: string | undefined): Session {
    const session = this.bySessionToken.get(tokenFrom(authorization));
    if (!session) throw invalidToken();
    if (session.closed) throw goneSession();
    if (this.now() >= session.tokenExpiresAt) {
      throw new ProtocolError(CODES.SESSION_TOKEN_EXPIRED, 'Session token has expired. Renew it with the master token.');
    }
    return session;
  }

  /** The RENEW token-request: the header carries the master token; the old session token dies. */
  renew(authorization: string | undefined): Session {
    const session = this.byMasterToken.get(tokenFrom(authorization));
    if (!session) throw invalidToken();
    if (session.closed) throw goneSession();
    const now = this.now();
    if (now >= session.masterExpiresAt) {
      throw new ProtocolError(CODES.MASTER_TOKEN_EXPIRED, 'Master token has expired. The user must log in again.');
    }
    this.bySessionToken.delete(session.token);
    session.token = newToken();
    session.tokenExpiresAt = now + this.validitySeconds * 1000;
    this.bySessionToken.set(session.token, session);
    return session;
  }

  /** Logout. The session's queries are the engine's and keep running. */
  close(session: Session): void {
    session.closed = true;
  }

  private sweepIfDue(): void {
    const now = this.now();
    if (now - this.lastSweep < SWEEP_INTERVAL_MS) return;
    this.lastSweep = now;
    for (const session of this.byMasterToken.values()) {
      if (now >= session.masterExpiresAt) {
        this.byMasterToken.delete(session.masterToken);
        this.bySessionToken.delete(session.token);
      }
    }
  }
}

function tokenFrom(authorization: string | undefined): string {
  const match = authorization ? AUTHORIZATION.exec(authorization.trim()) : null;
  if (!match) {
    throw new ProtocolError(
      CODES.MISSING_AUTH_HEADER,
      'Authorization header not found in the request data; expected `Authorization: Snowflake Token="<token>"`.',
      { httpStatus: 401 },
    );
  }
  return match[1];
}

function invalidToken(): ProtocolError {
  return new ProtocolError(CODES.SESSION_TOKEN_INVALID, 'Invalid session token: this local warehouse did not issue it or has since replaced it. Log in again.', {
    httpStatus: 401,
  });
}

function goneSession(): ProtocolError {
  return new ProtocolError(CODES.GONE_SESSION, 'Session no longer exists (it was logged out). New login required to access the service.');
}
