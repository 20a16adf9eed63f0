import { formatMoney, type Currency } from '@/lib/money';

export function BalanceChip({
  wallets,
}: {
  wallets: { currency: Currency; balance: number; reserved: number }[];
}) {
  if (wallets.length === 0) return null;
  return (
    <div className="flex gap-2 text-sm" aria-label="Wallet balance">
      {wallets.map((w) => (
        <span
          key={w.currency}
          data-testid={`balance-${w.currency}`}
          className="rounded-full bg-accent-50 px-3 py-1 font-semibold text-accent-700"
        >
          {formatMoney(w.balance, w.currency)}
        </span>
      ))}
    </div>
  );
}
