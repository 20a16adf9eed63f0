/**
 * The Content-Security-Policy of every HTML page (the proxy sends it, Next puts the nonce on its own
 * scripts and styles). Only this origin's files and this response's nonced inline code run;
 * 'strict-dynamic' lets a nonced script load the chunks it needs. Nothing may frame the portal, and
 * forms post only here. Development also needs eval for React's debugging aids, and inline styles
 * for Next's error overlay.
 */
export function contentSecurityPolicy({
  nonce,
  dev,
  https,
}: {
  nonce: string;
  dev: boolean;
  https: boolean;
}): string {
  return [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? ` 'unsafe-eval'` : ''}`,
    `style-src 'self' ${dev ? `'unsafe-inline'` : `'nonce-${nonce}'`}`,
    `img-src 'self' blob: data:`,
    `font-src 'self'`,
    `connect-src 'self'`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
    // Over plain HTTP (the demo on 127.0.0.1) there is nothing to upgrade to.
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** 128 random bits, fresh for every page response. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}
