import { Input, type InputProps } from "./input";

function SearchIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <circle cx="11" cy="11" r="7" />
      <path d="m20 20-3.5-3.5" />
    </svg>
  );
}

export type SearchInputProps = Omit<InputProps, "type" | "leading">;

/** A labelled search field (type="search", magnifier icon). The label is visually hidden unless asked. */
export function SearchInput({ hideLabel = true, autoComplete = "off", enterKeyHint = "search", ...rest }: SearchInputProps) {
  return <Input type="search" hideLabel={hideLabel} autoComplete={autoComplete} enterKeyHint={enterKeyHint} leading={<SearchIcon />} {...rest} />;
}
