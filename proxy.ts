/**
 * Runs before every page (not /api, whose handlers check their callers themselves, and not the
 * build's static files): turns away a request whose Host is not this dashboard's (421,
 * lib/http/host-check.ts) and a server action POST too large to take, sends a page without
 * a valid session to the sign-in page when a token is configured, and gives every page a fresh
 * script nonce and its Content-Security-Policy.
 *
 * This is not the only check: server actions and route handlers check the caller themselves
 * (lib/actions/errors.ts, lib/http/responses.ts), as a matcher can stop covering them.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { SESSION_COOKIE, verifySession } from '@/lib/auth/session';
import { config as flurryConfig } from '@/lib/config';
import { oversizedActionBody } from '@/lib/http/body-limits';
import { contentSecurityPolicy, newNonce } from '@/lib/http/content-security-policy';
import { hostRefusal } from '@/lib/http/host-check';

const SIGN_IN_PATH = '/sign-in';

const refuse = (status: number, message: string) => new NextResponse(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

export function proxy(request: NextRequest): NextResponse {
  const { auth, development, allowedHosts } = flurryConfig().dashboard;
  const wrongHost = hostRefusal(request.headers.get('host'), allowedHosts);
  if (wrongHost) return refuse(421, wrongHost);
  // Next.js refuses it too, but as a bare 500; this says why.
  const oversized = request.method === 'POST' ? oversizedActionBody(request.headers.get('content-length')) : null;
  if (oversized) return refuse(413, oversized);
  const { pathname, search } = request.nextUrl;
  if (auth.token !== null && pathname !== SIGN_IN_PATH && verifySession(request.cookies.get(SESSION_COOKIE)?.value, auth) === null) {
    const signIn = request.nextUrl.clone();
    signIn.pathname = SIGN_IN_PATH;
    signIn.search = '';
    signIn.searchParams.set('next', `${pathname}${search}`);
    // 303: a server action POSTed without a session is not re-sent to the sign-in page.
    return NextResponse.redirect(signIn, 303);
  }
  const policy = contentSecurityPolicy(newNonce(), development);
  // Next.js reads the nonce from the request's policy and puts it on the scripts it renders.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  matcher: ['/((?!api/|_next/static/|_next/image/|favicon\\.ico).*)'],
};
