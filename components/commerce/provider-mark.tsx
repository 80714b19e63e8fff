// A payment provider's mark on the pay page: a lettermark in the provider's colour, our own drawing (no
// trademarked artwork is copied). Decorative: the provider's name is written beside it.
import styles from "./pay.module.css";

const MARKS = {
  alipay: { letter: "支", colour: "#1677ff" },
  wechat: { letter: "微", colour: "#07a35a" },
  unionpay: { letter: "银", colour: "#d7000f" },
} as const;

export function ProviderMark({ provider }: { provider: keyof typeof MARKS }) {
  const mark = MARKS[provider];
  return (
    <span className={styles.mark} style={{ background: mark.colour }} aria-hidden="true" data-testid={`provider-mark-${provider}`}>
      {mark.letter}
    </span>
  );
}
