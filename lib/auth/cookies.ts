/** next-auth's session cookie: with the __Secure- prefix when the portal's URL is https. */
export const SESSION_COOKIES = [
  '__Secure-next-auth.session-token',
  'next-auth.session-token',
] as const;
