import type { Metadata } from 'next';
import { getDb } from '@/db';
import { issueReceiptLinkAction } from '@/app/(portal)/transactions/receipt-actions';
import { HistoryFilters } from '@/components/transactions/history-filters';
import { HistoryList } from '@/components/transactions/history-list';
import { Card } from '@/components/ui/card';
import { Pagination } from '@/components/ui/pagination';
import { requireAgent } from '@/lib/auth/session';
import { BILLERS } from '@/lib/bills/billers';
import { IN_OPERATORS, NG_NETWORKS } from '@/lib/catalogue/phone';
import { listSalesForAgent } from '@/lib/purchases/history';
import { historyQuerySchema, toHistoryFilter } from '@/lib/validations/history';

export const metadata: Metadata = { title: 'History' };

export default async function TransactionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string>>;
}) {
  const user = await requireAgent();
  const query = historyQuerySchema.parse(await searchParams);
  const result = await listSalesForAgent(getDb(), user.id, toHistoryFilter(query), query.page, 25);
  const params = {
    status: query.status,
    from: query.from,
    to: query.to,
    network: query.network,
    q: query.q,
  };
  const exportQuery = new URLSearchParams(
    Object.entries(params).filter((e): e is [string, string] => Boolean(e[1])),
  );
  return (
    <div className="space-y-4">
      <Card
        title="Sales history"
        actions={
          <a
            href={`/api/transactions/export?${exportQuery}`}
            download
            className="rounded-lg border border-slate-300 px-3 py-2 text-sm font-medium"
          >
            Download CSV
          </a>
        }
      >
        <HistoryFilters
          query={query}
          networks={[...new Set([...NG_NETWORKS, ...IN_OPERATORS, ...BILLERS.map((b) => b.id)])]}
        />
      </Card>
      <Card>
        <HistoryList rows={result.rows} issueReceiptLink={issueReceiptLinkAction} />
        <Pagination
          page={result.page}
          pageSize={result.pageSize}
          total={result.total}
          basePath="/transactions"
          params={params}
        />
      </Card>
    </div>
  );
}
