import type { InputHTMLAttributes, SelectHTMLAttributes } from 'react';

const INPUT =
  'mt-1 block w-full min-h-11 rounded-lg border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-accent-600';

interface FieldProps {
  label: string;
  name: string;
  errors?: string[];
  hint?: string;
}

export function TextField({
  label,
  name,
  errors,
  hint,
  ...props
}: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const describedBy = errors?.length ? `${name}-error` : hint ? `${name}-hint` : undefined;
  return (
    <label className="block text-sm font-medium text-slate-700">
      {label}
      <input
        name={name}
        id={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
        className={INPUT}
        {...props}
      />
      {hint && !errors?.length ? (
        <span id={`${name}-hint`} className="mt-1 block text-xs font-normal text-slate-500">
          {hint}
        </span>
      ) : null}
      <FieldError id={`${name}-error`} errors={errors} />
    </label>
  );
}

export function SelectField({
  label,
  name,
  errors,
  children,
  ...props
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <label className="block text-sm font-medium text-slate-700">
      {label}
      <select
        name={name}
        id={name}
        className={INPUT}
        aria-invalid={errors?.length ? true : undefined}
        {...props}
      >
        {children}
      </select>
      <FieldError id={`${name}-error`} errors={errors} />
    </label>
  );
}

export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <span id={id} role="alert" className="mt-1 block text-sm font-normal text-red-700">
      {errors.join(' ')}
    </span>
  );
}
