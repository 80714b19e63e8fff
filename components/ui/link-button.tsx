import Link from "next/link";
import type { ComponentProps } from "react";
import { buttonClassName, type ButtonLook } from "./button-class";

export type LinkButtonProps = ComponentProps<typeof Link> & ButtonLook;

/** A navigation link that looks like a button. Use it for "go somewhere"; use <Button> for "do something". */
export function LinkButton({ variant, size, block, className, ...rest }: LinkButtonProps) {
  return <Link className={buttonClassName({ variant, size, block, className })} {...rest} />;
}
