// Every server action in the tree and the one role allowed to run it. Shared by the authorisation matrix
// (which calls each action as every identity) and a fast unit test (test/proof/server-actions.test.ts) that
// fails as soon as a file with a 'use server' directive is added anywhere without being declared here.
import fs from 'node:fs';
import path from 'node:path';

/**
 * 'session': the sign-in's own second-factor steps, open to any live session (even one owing its
 * factor); each checks the session's state itself.
 */
export const ACTIONS: Record<string, 'agent' | 'admin' | 'session'> = {
  verifyCodeAction: 'session',
  passkeyChallengeAction: 'session',
  verifyPasskeyAction: 'session',
  startTotpAction: 'session',
  finishTotpAction: 'session',
  passkeyRegistrationAction: 'session',
  registerPasskeyAction: 'session',
  regenerateRecoveryCodesAction: 'session',
  resetSecondFactorAction: 'admin',
  sellAction: 'agent',
  verifyAccountAction: 'agent',
  checkNowAction: 'agent',
  changePasswordAction: 'agent',
  signOutEverywhereAction: 'agent',
  submitFundingRequestAction: 'agent',
  updateBeneficiaryAction: 'agent',
  deleteBeneficiaryAction: 'agent',
  issueReceiptLinkAction: 'agent',
  revokeReceiptLinksAction: 'agent',
  createApiKeyAction: 'agent',
  revokeApiKeyAction: 'agent',
  adminRevokeApiKeyAction: 'admin',
  uploadBulkAction: 'agent',
  confirmBulkAction: 'agent',
  cancelBulkAction: 'agent',
  createWebhookAction: 'agent',
  updateWebhookEventsAction: 'agent',
  pauseWebhookAction: 'agent',
  rotateWebhookSecretAction: 'agent',
  resendWebhookAction: 'agent',
  createAgentAction: 'admin',
  setAgentStatusAction: 'admin',
  resetPasswordAction: 'admin',
  endSessionsAction: 'admin',
  setLimitsAction: 'admin',
  setCommissionAction: 'admin',
  updateProviderSettingsAction: 'admin',
  setCredentialAction: 'admin',
  setProviderTlsAction: 'admin',
  testConnectionAction: 'admin',
  resumeProviderAction: 'admin',
  setHealthConfigAction: 'admin',
  changeRouteAction: 'admin',
  resolveSaleAction: 'admin',
  resolveLateDeliveryAction: 'admin',
  fundWalletAction: 'admin',
  approveFundingRequestAction: 'admin',
  rejectFundingRequestAction: 'admin',
  syncCatalogueAction: 'admin',
};

// Build output, dependencies and generated folders hold no source of ours.
const SKIP_DIR =
  /^(node_modules|\.git|\.next.*|test-results|playwright-report|coverage|reports|data|\.stryker-tmp)$/;
const SOURCE = /\.(ts|tsx|js|jsx|mjs|cjs)$/;
const DIRECTIVE = /(^|[\n;{])\s*(['"])use server\2/;
const TOP_DIRECTIVE = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*(['"])use server\1/;

/** Every source file under root holding a 'use server' directive, at the top or inside a function. */
export function serverActionFiles(root = '.'): { file: string; inline: boolean }[] {
  const out: { file: string; inline: boolean }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIR.test(entry.name)) walk(full);
      } else if (SOURCE.test(entry.name)) {
        const source = fs.readFileSync(full, 'utf8');
        if (DIRECTIVE.test(source))
          out.push({ file: path.relative(root, full), inline: !TOP_DIRECTIVE.test(source) });
      }
    }
  };
  walk(root);
  return out.sort((a, b) => a.file.localeCompare(b.file));
}

/** The exported actions of every 'use server' file, with the role passed to the action() wrapper (null: none). */
export function exportedActions(root = '.'): { name: string; role: string | null; file: string }[] {
  return serverActionFiles(root).flatMap(({ file }) => {
    const source = fs.readFileSync(path.join(root, file), 'utf8');
    return [
      ...source.matchAll(
        /export\s+(?:const|let|var|async function|function)\s+(\w+)(?:\s*=\s*(?:action\(\s*'(\w+)'|(sessionAction)\())?/g,
      ),
    ].map((m) => ({ name: m[1]!, role: m[2] ?? (m[3] ? 'session' : null), file }));
  });
}
