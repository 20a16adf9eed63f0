import type { Metadata } from 'next';
import { BuyPage } from '@/app/(portal)/buy/buy-page';

export const metadata: Metadata = { title: 'Sell data' };

export default async function BuyDataPage({ searchParams }: { searchParams: Promise<{ country?: string; phone?: string }> }) {
  const { country, phone } = await searchParams;
  return <BuyPage mode="data" country={country} phone={phone} />;
}
