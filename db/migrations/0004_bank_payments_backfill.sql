-- Claim the bank payments already credited, oldest first; a payment credited twice before this rule keeps
-- its first claim (the later credit stays in the ledger, visible in reconciliation).
INSERT OR IGNORE INTO bank_payments (currency, reference, agent_id, source, funding_request_id, ledger_entry_id, claimed_at)
SELECT e.currency, upper(replace(replace(trim(e.reference), ' ', ''), '-', '')), a.user_id,
  CASE WHEN e.idempotency_key LIKE 'funding-request:%' THEN 'request' ELSE 'direct' END,
  CASE WHEN e.idempotency_key LIKE 'funding-request:%' THEN CAST(substr(e.idempotency_key, 17) AS INTEGER) END,
  e.id, e.created_at
FROM ledger_entries e JOIN accounts a ON a.id = e.credit_account_id AND a.kind = 'wallet'
WHERE e.kind = 'funding' AND e.reference IS NOT NULL AND trim(e.reference) <> ''
ORDER BY e.id;
