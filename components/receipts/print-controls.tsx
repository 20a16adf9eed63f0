'use client';

import { useEffect } from 'react';
import { Button } from '@/components/ui/button';

type Paper = 'auto' | '80mm' | 'a4';

/** Picks the @page size (receipt-print.css) before opening the browser's print dialog. */
function printOn(paper: Paper) {
  document.documentElement.dataset.paper = paper;
  window.print();
}

export function PrintControls({ autoPrint = false }: { autoPrint?: boolean }) {
  useEffect(() => {
    if (!autoPrint) return;
    const timer = window.setTimeout(() => printOn('auto'), 300); // let fonts and layout settle
    return () => window.clearTimeout(timer);
  }, [autoPrint]);
  return (
    <nav
      aria-label="Receipt actions"
      className="no-print receipt-actions flex flex-wrap justify-center gap-2"
    >
      <Button type="button" onClick={() => printOn('auto')}>
        Print
      </Button>
      <Button type="button" variant="secondary" onClick={() => printOn('80mm')}>
        Print 80 mm
      </Button>
      <Button type="button" variant="secondary" onClick={() => printOn('a4')}>
        Print A4
      </Button>
    </nav>
  );
}
