import { redirect } from 'next/navigation';
import { getCurrentUser, homeOf } from '@/lib/auth/session';

export default async function Home() {
  const user = await getCurrentUser();
  if (!user) redirect('/sign-in');
  redirect(homeOf(user));
}
