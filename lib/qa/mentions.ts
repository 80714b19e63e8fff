// @mentions in learner text: "@陈小北" or "@Ada.Lovelace". Names end at whitespace or punctuation that is not
// part of a name; Chinese text often runs on after a name, so a name is matched against the thread's people
// by the caller rather than guessed here.
const MENTION = /@([\p{L}\p{N}_.\-·]{1,32})/gu;

/** The distinct names after "@", in order, at most ten (nobody pings a crowd). */
export function mentionedNames(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(MENTION)) {
    const name = m[1]!.replace(/[.\-·]+$/u, "");
    if (name && !names.includes(name)) names.push(name);
    if (names.length === 10) break;
  }
  return names;
}
