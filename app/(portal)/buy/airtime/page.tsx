import type { Metadata } from 'next';
import { BuyPage } from '@/app/(portal)/buy/buy-page';

export const metadata: Metadata = { title: 'Sell airtime' };

export default async function BuyAirtimePage({
  searchParams,
}: {
  searchParams: Promise<{ country?: string; phone?: string }>;
}) {
  const { country, phone } = await searchParams;
  return <BuyPage mode="airtime" country={country} phone={phone} />;
}
