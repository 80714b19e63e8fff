"use client";
// The course could not load (e.g. the database is down): header and footer stay, the reader may retry.
export { default } from "../../error";
