/**
 * The authentication hook shared by the server ends: establish facts about the caller, or refuse.
 *
 * @module
 */

/** Facts about the caller (verified token claims, client id …), handed to handlers as `authInfo`. */
export type AuthInfo = Readonly<Record<string, unknown>>;

/**
 * Authenticates one HTTP request (or WebSocket upgrade). Return the caller's facts, or `undefined`
 * for an anonymous caller. Throw to refuse: a thrown `Response` is sent as is (say 401 with a
 * `WWW-Authenticate` header from your OAuth layer); anything else thrown becomes a bare 401.
 *
 * @example
 * ```ts
 * const authenticate: Authenticate = async (request) => {
 *   const claims = await verify(request.headers.get('authorization'));
 *   if (!claims) throw new Response(null, { status: 401, headers: { 'www-authenticate': 'Bearer' } });
 *   return { subject: claims.sub };
 * };
 * ```
 */
export type Authenticate = (request: Request) => AuthInfo | undefined | Promise<AuthInfo | undefined>;

/** The outcome of {@link runAuthenticate}. */
export type AuthOutcome = { ok: true; authInfo: AuthInfo | undefined } | { ok: false; response: Response };

/** Runs the hook; never throws. */
export async function runAuthenticate(authenticate: Authenticate | undefined, request: Request): Promise<AuthOutcome> {
  if (authenticate === undefined) return { ok: true, authInfo: undefined };
  try {
    return { ok: true, authInfo: await authenticate(request) };
  } catch (thrown) {
    if (thrown instanceof Response) return { ok: false, response: thrown };
    return { ok: false, response: new Response(null, { status: 401 }) };
  }
}
