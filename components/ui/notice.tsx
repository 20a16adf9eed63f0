type Tone = 'success' | 'error' | 'warning' | 'info';

const TONES: Record<Tone, { box: string; icon: string }> = {
  success: { box: 'border-green-300 bg-green-50 text-green-900', icon: '✓' },
  error: { box: 'border-red-300 bg-red-50 text-red-900', icon: '✕' },
  warning: { box: 'border-amber-300 bg-amber-50 text-amber-900', icon: '!' },
  info: { box: 'border-slate-300 bg-slate-50 text-slate-800', icon: 'i' },
};

/** Status is never colour alone: an icon and words stand beside it. */
export function Notice({ tone, children }: { tone: Tone; children: React.ReactNode }) {
  const style = TONES[tone];
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      className={`flex gap-2 rounded-lg border px-3 py-2 text-sm ${style.box}`}
    >
      <span aria-hidden className="font-bold">
        {style.icon}
      </span>
      <div>{children}</div>
    </div>
  );
}
