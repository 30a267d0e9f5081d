import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The step's title as the page's h1. It takes focus when it appears, so keyboard and screen
 * reader users start reading each new step from its top.
 */
export function StepHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: false });
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="id-heading">
      {children}
    </h1>
  );
}
