const STYLES: Record<string, { className: string; icon: string; label: string }> = {
  SUCCESS: { className: 'bg-green-100 text-green-900', icon: '✓', label: 'Successful' },
  FAILED: { className: 'bg-red-100 text-red-900', icon: '✕', label: 'Failed · refunded' },
  REVERSED: { className: 'bg-red-100 text-red-900', icon: '↺', label: 'Reversed · refunded' },
  PENDING: { className: 'bg-amber-100 text-amber-900', icon: '…', label: 'Pending' },
  UNKNOWN: { className: 'bg-amber-100 text-amber-900', icon: '…', label: 'Pending' },
  MANUAL_REVIEW: { className: 'bg-slate-200 text-slate-900', icon: '?', label: 'Under review' },
};

export function statusLabel(status: string): string {
  return STYLES[status]?.label ?? status;
}

export function StatusBadge({ status }: { status: string }) {
  const style = STYLES[status] ?? {
    className: 'bg-slate-200 text-slate-900',
    icon: '•',
    label: status,
  };
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold ${style.className}`}
    >
      <span aria-hidden>{style.icon}</span>
      {style.label}
    </span>
  );
}
