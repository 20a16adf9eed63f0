/** Demo accounts the README lists, so a newcomer can sign in and sell at once. */
export const DEMO_USERS = {
  admin: {
    email: 'admin@demo.test',
    password: 'admin-demo-pass',
    name: 'Ada Admin',
    role: 'admin' as const,
  },
  agent: {
    email: 'agent@demo.test',
    password: 'agent-demo-pass',
    name: 'Bola Stores',
    role: 'agent' as const,
  },
  agentTwo: {
    email: 'agent2@demo.test',
    password: 'agent-demo-pass',
    name: 'Chidi Kiosk',
    role: 'agent' as const,
  },
  // No second factor: the first sign-in asks to set one up (authenticator app or passkey).
  adminTwo: {
    email: 'admin2@demo.test',
    password: 'admin-demo-pass',
    name: 'Dayo Admin',
    role: 'admin' as const,
  },
};

/**
 * The demo admin's authenticator key (admins sign in with a second factor): add it to any
 * authenticator app, or scan DEMO_ADMIN_TOTP_URI. A demo value, like the demo passwords.
 */
export const DEMO_ADMIN_TOTP_SECRET = 'KVKFKRCPNZQUYMLXOVYDSQKJKZDTSRLD';
export const DEMO_ADMIN_TOTP_URI = `otpauth://totp/Vending%20Portal:admin%40demo.test?issuer=Vending%20Portal&secret=${DEMO_ADMIN_TOTP_SECRET}&algorithm=SHA1&digits=6&period=30`;

export const DEMO_FUNDING = { NGN: 5_000_000, INR: 1_000_000 }; // ₦50,000.00 and ₹10,000.00
