'use client';

import {
  createContext,
  startTransition,
  useActionState,
  useContext,
  useEffect,
  useRef,
  useState,
  type InputHTMLAttributes,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import type { ActionResult } from '@/lib/actions/result';
import { Button, buttonClass } from '@/components/ui/button';
import { FieldError, SelectField, TextField } from '@/components/ui/field';
import { Notice } from '@/components/ui/notice';

type ServerAction<R> = (
  previous: ActionResult<R> | null,
  formData: FormData,
) => Promise<ActionResult<R>>;

interface FormState {
  pending: boolean;
  state: ActionResult<unknown> | null;
}

const FormContext = createContext<FormState>({ pending: false, state: null });

/**
 * A server-action form (useActionState). Submits through a transition instead of the form's own
 * action so a refused input keeps what the admin typed (React resets uncontrolled fields after a
 * form action); `resetOnSuccess` clears it after a success.
 */
export function ActionForm<R>({
  action,
  children,
  className = 'space-y-3',
  resetOnSuccess = false,
  ariaLabel,
}: {
  action: ServerAction<R>;
  children: React.ReactNode;
  className?: string;
  resetOnSuccess?: boolean;
  ariaLabel?: string;
}) {
  const [state, formAction, pending] = useActionState<ActionResult<R> | null, FormData>(
    action,
    null,
  );
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok && resetOnSuccess) ref.current?.reset();
  }, [state, resetOnSuccess]);
  return (
    <FormContext.Provider value={{ pending, state: state as ActionResult<unknown> | null }}>
      <form
        ref={ref}
        aria-label={ariaLabel}
        className={className}
        noValidate
        action={formAction}
        onSubmit={(event) => {
          event.preventDefault();
          const submitter = (event.nativeEvent as SubmitEvent)
            .submitter as HTMLButtonElement | null;
          const data = new FormData(event.currentTarget, submitter);
          startTransition(() => formAction(data));
        }}
      >
        {children}
        <FormResult />
      </form>
    </FormContext.Provider>
  );
}

export function useFormState(): FormState {
  return useContext(FormContext);
}

function errorsFor(state: ActionResult<unknown> | null, name: string): string[] | undefined {
  return state && !state.ok ? state.fieldErrors?.[name] : undefined;
}

export function FormResult() {
  const { state } = useFormState();
  if (!state) return null;
  if (state.ok) return state.message ? <Notice tone="success">{state.message}</Notice> : null;
  return (
    <Notice tone="error">
      {state.message}
      {state.stepUp ? <StepUpLink /> : null}
    </Notice>
  );
}

/** Step-up: confirm the second factor on its own page, then come back here and submit again. */
function StepUpLink() {
  const here =
    typeof window === 'undefined' ? '/' : window.location.pathname + window.location.search;
  return (
    <>
      {' '}
      <a
        href={`/sign-in/verify?next=${encodeURIComponent(here)}`}
        className="font-semibold underline"
      >
        Confirm it’s you
      </a>
      , then try again.
    </>
  );
}

export function FormTextField(
  props: { label: string; name: string; hint?: string } & InputHTMLAttributes<HTMLInputElement>,
) {
  const { state } = useFormState();
  return <TextField {...props} errors={errorsFor(state, props.name)} />;
}

export function FormSelectField(
  props: { label: string; name: string } & SelectHTMLAttributes<HTMLSelectElement>,
) {
  const { state } = useFormState();
  return <SelectField {...props} errors={errorsFor(state, props.name)} />;
}

export function FormTextArea({
  label,
  name,
  hint,
  ...props
}: { label: string; name: string; hint?: string } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const { state } = useFormState();
  const errors = errorsFor(state, name);
  return (
    <label className="block text-sm font-medium text-slate-700">
      {label}
      <textarea
        name={name}
        id={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? `${name}-error` : hint ? `${name}-hint` : undefined}
        className="mt-1 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 font-mono text-sm shadow-sm focus:border-accent-600"
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

export function SubmitButton({
  children,
  pendingText = 'Saving…',
  variant = 'primary',
  className = '',
  name,
  value,
}: {
  children: React.ReactNode;
  pendingText?: string;
  variant?: 'primary' | 'secondary' | 'danger';
  className?: string;
  name?: string;
  value?: string;
}) {
  const { pending } = useFormState();
  return (
    <Button
      type="submit"
      variant={variant}
      disabled={pending}
      className={className}
      name={name}
      value={value}
    >
      {pending ? pendingText : children}
    </Button>
  );
}

/**
 * Two steps for a dangerous action: the first button only asks; the real submit appears beside
 * a plain-words question and a cancel. Keyboard focus moves to the confirm button.
 */
export function ConfirmSubmit({
  children,
  question,
  confirmText,
  variant = 'danger',
  pendingText = 'Working…',
}: {
  children: React.ReactNode;
  question: string;
  confirmText: string;
  variant?: 'primary' | 'danger';
  pendingText?: string;
}) {
  const { pending, state } = useFormState();
  // Armed only for the answer it was armed against: a new answer (after submitting) disarms it.
  const [armedFor, setArmedFor] = useState<{ state: unknown } | null>(null);
  const armed = armedFor !== null && armedFor.state === state;
  const setArmed = (on: boolean) => setArmedFor(on ? { state } : null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (armed) confirmRef.current?.focus();
  }, [armed]);
  if (!armed) {
    return (
      <Button
        type="button"
        variant={variant === 'danger' ? 'secondary' : 'primary'}
        onClick={() => setArmed(true)}
      >
        {children}
      </Button>
    );
  }
  return (
    <div
      role="group"
      aria-label="Confirm"
      className="flex flex-wrap items-center gap-2 rounded-lg border border-amber-300 bg-amber-50 p-2"
    >
      <span className="text-sm text-amber-900">
        <span aria-hidden>! </span>
        {question}
      </span>
      <button ref={confirmRef} type="submit" className={buttonClass(variant)} disabled={pending}>
        {pending ? pendingText : confirmText}
      </button>
      <Button type="button" variant="secondary" onClick={() => setArmed(false)}>
        Cancel
      </Button>
    </div>
  );
}
