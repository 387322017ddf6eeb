/**
 * The catalogs the prompts complete from, most common first (completion keeps this order for ties).
 *
 * @module
 */
import type { Choice } from './choices.js';

/** Programming languages. */
export const PROGRAMMING_LANGUAGES: readonly Choice[] = [
  { value: 'Python', aliases: ['py'] },
  { value: 'JavaScript', aliases: ['js', 'node', 'ecmascript'] },
  { value: 'TypeScript', aliases: ['ts'] },
  { value: 'Java' },
  { value: 'C#', aliases: ['csharp', 'c sharp', 'dotnet'] },
  { value: 'C++', aliases: ['cpp', 'cplusplus'] },
  { value: 'C' },
  { value: 'Go', aliases: ['golang'] },
  { value: 'Rust', aliases: ['rs'] },
  { value: 'PHP' },
  { value: 'Kotlin', aliases: ['kt'] },
  { value: 'Swift' },
  { value: 'Ruby', aliases: ['rb'] },
  { value: 'SQL' },
  { value: 'Shell', aliases: ['bash', 'sh', 'zsh'] },
  { value: 'PowerShell', aliases: ['ps1', 'pwsh'] },
  { value: 'Dart', aliases: ['flutter'] },
  { value: 'Scala' },
  { value: 'R' },
  { value: 'Lua' },
  { value: 'Haskell', aliases: ['hs'] },
  { value: 'Elixir', aliases: ['ex'] },
  { value: 'Erlang' },
  { value: 'Clojure', aliases: ['clj'] },
  { value: 'F#', aliases: ['fsharp', 'f sharp'] },
  { value: 'OCaml', aliases: ['ml'] },
  { value: 'Objective-C', aliases: ['objc'] },
  { value: 'Perl', aliases: ['pl'] },
  { value: 'Julia', aliases: ['jl'] },
  { value: 'Zig' },
  { value: 'HTML' },
  { value: 'CSS', aliases: ['scss', 'sass'] },
];

/** Frameworks by programming language, for the `framework` argument (completed from the chosen language). */
export const FRAMEWORKS: Readonly<Record<string, readonly string[]>> = {
  Python: ['Django', 'Flask', 'FastAPI', 'pytest', 'NumPy', 'pandas', 'PyTorch'],
  JavaScript: ['React', 'Vue', 'Express', 'Next.js', 'Svelte', 'Angular', 'Node.js'],
  TypeScript: ['React', 'Angular', 'NestJS', 'Next.js', 'Vue', 'Express', 'Hono', 'Deno'],
  Java: ['Spring', 'Spring Boot', 'Jakarta EE', 'Quarkus', 'Micronaut', 'JUnit'],
  'C#': ['ASP.NET Core', 'Entity Framework', 'Unity', 'Blazor', 'MAUI'],
  Go: ['net/http', 'Gin', 'Echo', 'Fiber', 'gRPC'],
  Rust: ['Tokio', 'Axum', 'Actix', 'Serde', 'Bevy'],
  Ruby: ['Rails', 'Sinatra', 'RSpec'],
  PHP: ['Laravel', 'Symfony', 'WordPress'],
  Kotlin: ['Ktor', 'Spring', 'Jetpack Compose'],
  Swift: ['SwiftUI', 'UIKit', 'Vapor'],
};

/** Human languages, by English name; aliases are ISO 639-1 codes and native names. */
export const HUMAN_LANGUAGES: readonly Choice[] = [
  { value: 'English', aliases: ['en'] },
  { value: 'Spanish', aliases: ['es', 'Español', 'Castilian'] },
  { value: 'French', aliases: ['fr', 'Français'] },
  { value: 'German', aliases: ['de', 'Deutsch'] },
  { value: 'Chinese (Simplified)', aliases: ['zh', 'zh-Hans', 'Mandarin', '简体中文'] },
  { value: 'Chinese (Traditional)', aliases: ['zh-Hant', '繁體中文'] },
  { value: 'Japanese', aliases: ['ja', '日本語'] },
  { value: 'Portuguese', aliases: ['pt', 'Português'] },
  { value: 'Brazilian Portuguese', aliases: ['pt-BR'] },
  { value: 'Italian', aliases: ['it', 'Italiano'] },
  { value: 'Russian', aliases: ['ru', 'Русский'] },
  { value: 'Korean', aliases: ['ko', '한국어'] },
  { value: 'Arabic', aliases: ['ar', 'العربية'] },
  { value: 'Hindi', aliases: ['hi', 'हिन्दी'] },
  { value: 'Dutch', aliases: ['nl', 'Nederlands'] },
  { value: 'Turkish', aliases: ['tr', 'Türkçe'] },
  { value: 'Polish', aliases: ['pl', 'Polski'] },
  { value: 'Swedish', aliases: ['sv', 'Svenska'] },
  { value: 'Ukrainian', aliases: ['uk', 'Українська'] },
  { value: 'Vietnamese', aliases: ['vi', 'Tiếng Việt'] },
  { value: 'Indonesian', aliases: ['id', 'Bahasa Indonesia'] },
  { value: 'Greek', aliases: ['el', 'Ελληνικά'] },
  { value: 'Hebrew', aliases: ['he', 'עברית'] },
  { value: 'Czech', aliases: ['cs', 'Čeština'] },
  { value: 'Danish', aliases: ['da', 'Dansk'] },
  { value: 'Finnish', aliases: ['fi', 'Suomi'] },
  { value: 'Norwegian', aliases: ['no', 'nb', 'Norsk'] },
  { value: 'Hungarian', aliases: ['hu', 'Magyar'] },
  { value: 'Romanian', aliases: ['ro', 'Română'] },
  { value: 'Thai', aliases: ['th', 'ไทย'] },
  { value: 'Catalan', aliases: ['ca', 'Català'] },
  { value: 'Welsh', aliases: ['cy', 'Cymraeg'] },
];

/** Tones of voice. */
export const TONES: readonly Choice[] = [
  { value: 'neutral' },
  { value: 'formal' },
  { value: 'casual', aliases: ['informal'] },
  { value: 'friendly', aliases: ['warm'] },
  { value: 'professional', aliases: ['business'] },
  { value: 'concise', aliases: ['terse', 'brief'] },
  { value: 'academic', aliases: ['scholarly'] },
  { value: 'playful', aliases: ['fun', 'humorous'] },
  { value: 'empathetic', aliases: ['kind'] },
];

/** The values of a catalog, for `z.enum`. */
export function valuesOf(choices: readonly Choice[]): [string, ...string[]] {
  const values = choices.map((c) => c.value);
  if (values.length === 0) throw new Error('A catalog needs at least one choice');
  return values as [string, ...string[]];
}
