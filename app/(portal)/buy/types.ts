import type { SaleFormData } from '@/lib/catalogue/sale-form-data';

export type { SellableProduct } from '@/lib/catalogue/sale-form-data';

/** The sale form's props: the catalogue's data for this agent, plus what the page adds. */
export interface SaleFormProps extends SaleFormData {
  /** Delays announced by the health monitor, per network. */
  banners: { network: string; message: string }[];
  /** From the dashboard's quick-sell box. */
  initialPhone?: string;
}
