/** The API's default number of suggestions, which the search box asks for. */
export const MAX_SUGGESTIONS = 8;
