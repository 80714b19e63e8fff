"use client";
// The header's search box: a text field in a plain GET form (search-form.tsx), which searches without
// JavaScript, and, once JavaScript runs, a WAI-ARIA combobox with a list of suggestions as one types. The
// fetching and list logic (search-suggestions.ts) loads on the box's first focus, so a page whose search box is
// never touched downloads none of it. On /courses the box shows the query being looked at.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { Input } from "@/components/ui/input";
import { VisuallyHidden } from "@/components/ui/visually-hidden";
import styles from "./search-form.module.css";
import type { Suggestion, SuggestionSource } from "./search-suggestions";

type SuggestModule = typeof import("./search-suggestions");

export interface SearchFieldStrings {
  label: string;
  placeholder: string;
  /** The list's name. */
  suggestions: string;
  course: string;
  search: string;
  /** "N suggestions…" for N = 1, 2, …, announced when a list appears. */
  counts: string[];
}

export interface SearchFieldProps {
  strings: SearchFieldStrings;
  /** The query to show before any typing: the one on /courses. */
  value?: string;
}

/** The query of the page being shown when it is the catalogue's; empty elsewhere. */
export function SearchFieldWithQuery({ strings }: { strings: SearchFieldStrings }) {
  const pathname = usePathname();
  const params = useSearchParams();
  const value = pathname === "/courses" ? (params.get("q") ?? "") : "";
  // A new query (a search from the box, the back button) starts the box afresh with that query.
  return <SearchField key={value} strings={strings} value={value} />;
}

export function SearchField({ strings, value = "" }: SearchFieldProps) {
  const router = useRouter();
  const inputId = useId();
  const listId = `${inputId}-list`;
  const mod = useRef<SuggestModule | null>(null);
  const source = useRef<SuggestionSource | null>(null);
  const [items, setItems] = useState<Suggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  useEffect(() => () => source.current?.cancel(), []);

  const showResults = (_query: string, suggestions: Suggestion[]) => {
    setItems(suggestions);
    setActive(-1);
    setOpen(suggestions.length > 0);
  };

  /** Loads the suggestion logic once; resolves at once when it is already here. */
  const load = async (): Promise<SuggestionSource | null> => {
    if (source.current) return source.current;
    try {
      mod.current ??= await import("./search-suggestions");
      source.current ??= mod.current.createSuggestionSource({ onResult: showResults });
    } catch (error) {
      // Offline or a failed chunk: the box stays a plain search field.
      console.error("loading search suggestions failed", error);
    }
    return source.current;
  };

  const ask = (text: string) => {
    void load().then((s) => s?.update(text));
  };

  const close = () => {
    setOpen(false);
    setActive(-1);
  };

  const choose = (index: number, input: HTMLInputElement | null) => {
    const suggestion = items[index];
    if (!suggestion || !mod.current) return;
    source.current?.cancel();
    close();
    if (suggestion.kind === "course" && suggestion.slug) {
      router.push(mod.current.suggestionHref(suggestion));
    } else if (input?.form) {
      // A topic is searched for through the form itself, exactly as if it had been typed.
      input.value = suggestion.text;
      input.form.requestSubmit();
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Keys that confirm a Chinese input method's candidate belong to the input method.
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    switch (event.key) {
      case "ArrowDown":
      case "ArrowUp": {
        if (items.length === 0 || !mod.current) return;
        event.preventDefault();
        if (!open) {
          setOpen(true);
          return;
        }
        setActive(mod.current.moveActive(active, items.length, event.key));
        return;
      }
      case "Enter":
        if (open && active >= 0) {
          event.preventDefault();
          choose(active, event.currentTarget);
        }
        return;
      case "Escape":
        if (open) {
          // Closes the list; the browser's own Escape (clearing the box) waits for the next press.
          event.preventDefault();
          close();
        }
        return;
      default:
    }
  };

  const expanded = open && items.length > 0;
  const activeId = expanded && active >= 0 ? `${listId}-${active}` : undefined;

  return (
    <div className={styles.combo}>
      {/* No magnifier inside the box: the search button beside it is one. */}
      <Input
        type="search"
        hideLabel
        autoComplete="off"
        enterKeyHint="search"
        id={inputId}
        name="q"
        label={strings.label}
        placeholder={strings.placeholder}
        defaultValue={value}
        maxLength={100}
        className={styles.field}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={activeId}
        onFocus={() => void load()}
        onInput={(event) => {
          if (!(event.nativeEvent as InputEvent).isComposing) ask(event.currentTarget.value);
        }}
        onCompositionEnd={(event) => ask(event.currentTarget.value)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          source.current?.cancel();
          close();
        }}
      />
      <ul id={listId} role="listbox" aria-label={strings.suggestions} className={styles.listbox} hidden={!expanded} data-testid="search-suggestions">
        {items.map((item, i) => (
          <li
            key={`${item.kind}:${item.slug ?? item.text}`}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={styles.option}
            data-kind={item.kind}
            // Keeps the focus in the box, so the click below still finds the list open.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(i, document.getElementById(inputId) as HTMLInputElement | null)}
            onMouseMove={() => i !== active && setActive(i)}
          >
            <span className={styles.optionText}>{item.parts.map((part, p) => (part.hit ? <mark key={p}>{part.text}</mark> : part.text))}</span>
            <span className={styles.optionKind}>{item.kind === "course" ? strings.course : strings.search}</span>
          </li>
        ))}
      </ul>
      <VisuallyHidden role="status">{expanded ? (strings.counts[items.length - 1] ?? strings.counts.at(-1)) : ""}</VisuallyHidden>
    </div>
  );
}
