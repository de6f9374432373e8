/** A touch target of at least 64×64 px (see kiosk.css); always type="button" unless told. */
import type { ButtonHTMLAttributes } from 'preact';

export type ButtonVariant = 'primary' | 'secondary' | 'choice';

type ButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'class' | 'className'> & {
  variant?: ButtonVariant;
  class?: string;
};

/** A button styled by variant; its accessible name is its visible text. */
export function Button({ variant = 'secondary', class: extra, type, ...rest }: ButtonProps) {
  const classes = `btn btn--${variant}${extra ? ` ${extra}` : ''}`;
  return <button type={type ?? 'button'} class={classes} {...rest} />;
}
