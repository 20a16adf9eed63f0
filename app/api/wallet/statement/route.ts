import { z } from 'zod';
import { getDb } from '@/db';
import { routeUser } from '@/lib/auth/route';
import { csvLine } from '@/lib/format';
import { lagosIsoString } from '@/lib/time/lagos';
import { findWallet } from '@/lib/ledger/accounts';
import { listAllStatementRows } from '@/lib/ledger/statement';
import { minorToDecimal2 } from '@/lib/money';
import { STATEMENT_KIND_LABELS } from '@/components/wallet/statement-table';

const querySchema = z.object({ currency: z.enum(['NGN', 'INR']) });

export async function GET(request: Request) {
  const auth = await routeUser('agent');
  if ('response' in auth) return auth.response;
  const parsed = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success)
    return Response.json({ error: 'currency must be NGN or INR' }, { status: 400 });
  const db = getDb();
  const wallet = await findWallet(db, auth.user.id, parsed.data.currency);
  const rows = wallet ? await listAllStatementRows(db, wallet.id) : [];
  const lines = [
    csvLine(['date', 'description', 'memo', 'reference', 'debit', 'credit', 'balance']),
    ...rows.map((r) =>
      csvLine([
        lagosIsoString(r.createdAt),
        STATEMENT_KIND_LABELS[r.kind] ?? r.kind,
        r.memo,
        r.reference ?? (r.purchaseId ? `sale-${r.purchaseId}` : ''),
        r.debit ? minorToDecimal2(r.debit) : '',
        r.credit ? minorToDecimal2(r.credit) : '',
        minorToDecimal2(r.runningBalance),
      ]),
    ),
  ];
  return new Response(`${lines.join('\n')}\n`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="statement-${parsed.data.currency}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
