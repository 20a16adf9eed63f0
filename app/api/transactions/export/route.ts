import { getDb } from '@/db';
import { statusLabel } from '@/components/ui/status-badge';
import { routeUser } from '@/lib/auth/route';
import { csvLine } from '@/lib/format';
import { lagosIsoString } from '@/lib/time/lagos';
import { minorToDecimal2 } from '@/lib/money';
import { listAllSalesForAgent } from '@/lib/purchases/history';
import { historyQuerySchema, toHistoryFilter } from '@/lib/validations/history';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const auth = await routeUser('agent');
  if ('response' in auth) return auth.response;
  const query = historyQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const rows = await listAllSalesForAgent(getDb(), auth.user.id, toHistoryFilter(query));
  const lines = [
    csvLine([
      'date',
      'status',
      'product',
      'network',
      'number',
      'currency',
      'price',
      'your_cost',
      'commission',
      'reference',
      'provider_ref',
      'operator_ref',
      'account',
      'token',
      'units',
    ]),
    ...rows.map((r) =>
      csvLine([
        lagosIsoString(r.createdAt),
        statusLabel(r.status),
        r.productName,
        r.network,
        r.phone,
        r.currency,
        minorToDecimal2(r.amountMinor),
        minorToDecimal2(r.agentCostMinor),
        minorToDecimal2(r.commissionMinor),
        r.reference,
        r.providerRef,
        r.operatorRef,
        r.account,
        r.delivered?.token ?? null,
        r.delivered?.units ?? null,
      ]),
    ),
  ];
  return new Response(`${lines.join('\n')}\n`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="sales.csv"',
      'Cache-Control': 'no-store',
    },
  });
}
