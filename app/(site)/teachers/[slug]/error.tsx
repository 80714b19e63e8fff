"use client";
// The teacher's courses could not load (e.g. the database is down): header and footer stay, the reader may retry.
export { default } from "../../error";
