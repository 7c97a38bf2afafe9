"use client";
// The search field of a paged list: the list asks the server once typing pauses, not per key.
import { useEffect, useState } from "react";
import { Input } from "./field";

const PAUSE_MS = 300;

export function SearchBox({ label, placeholder, onSearch }: { label: string; placeholder?: string; onSearch: (text: string | undefined) => void }) {
  const [text, setText] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => onSearch(text.trim() || undefined), PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, onSearch]);
  return (
    <Input
      label={label}
      type="search"
      placeholder={placeholder}
      value={text}
      onChange={(e) => setText(e.target.value)}
      // Inside a form (a picker), Enter searches now instead of submitting the form.
      onKeyDown={(e) => {
        if (e.key !== "Enter") return;
        e.preventDefault();
        onSearch(text.trim() || undefined);
      }}
    />
  );
}
