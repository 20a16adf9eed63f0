/** Demo accounts the README lists, so a newcomer can sign in and sell at once. */
export const DEMO_USERS = {
  admin: { email: 'admin@demo.test', password: 'admin-demo-pass', name: 'Ada Admin', role: 'admin' as const },
  agent: { email: 'agent@demo.test', password: 'agent-demo-pass', name: 'Bola Stores', role: 'agent' as const },
  agentTwo: { email: 'agent2@demo.test', password: 'agent-demo-pass', name: 'Chidi Kiosk', role: 'agent' as const },
};

export const DEMO_FUNDING = { NGN: 5_000_000, INR: 1_000_000 }; // ₦50,000.00 and ₹10,000.00
