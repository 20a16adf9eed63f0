import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';

/** Number first, from the home screen: the buy form opens with it filled in and its network detected. */
export function QuickSell() {
  return (
    <form
      method="get"
      action="/buy/airtime"
      className="space-y-2 rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
      aria-label="Quick sell"
    >
      <label htmlFor="quick-phone" className="block text-sm font-medium text-slate-700">
        Quick sell: customer&apos;s number
      </label>
      <input
        id="quick-phone"
        name="phone"
        inputMode="tel"
        autoComplete="tel"
        placeholder="0803 123 4567"
        className="block w-full min-h-12 rounded-lg border border-slate-300 px-3 text-lg"
      />
      <div className="grid grid-cols-2 gap-2">
        <button type="submit" className={buttonClass('primary', 'min-h-14 text-base')}>
          Sell airtime
        </button>
        <button
          type="submit"
          formAction="/buy/data"
          className={buttonClass('primary', 'min-h-14 text-base')}
        >
          Sell data
        </button>
      </div>
      <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <span className="text-slate-600">Bills:</span>
        <Link href="/buy/electricity" className="font-semibold text-accent-700 underline">
          Electricity
        </Link>
        <Link href="/buy/tv" className="font-semibold text-accent-700 underline">
          Cable TV
        </Link>
      </p>
    </form>
  );
}
