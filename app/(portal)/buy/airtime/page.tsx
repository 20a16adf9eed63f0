import type { Metadata } from 'next';
import { BuyPage } from '@/components/buy/buy-page';

export const metadata: Metadata = { title: 'Sell airtime' };

export default async function BuyAirtimePage({ searchParams }: { searchParams: Promise<{ country?: string }> }) {
  return <BuyPage mode="airtime" country={(await searchParams).country} />;
}
