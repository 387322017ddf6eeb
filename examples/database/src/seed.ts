/**
 * The sample shop database the server starts with when no `DATABASE_URL` is given: customers,
 * products, orders and their items. Deterministic, so examples and tests can rely on it.
 *
 * @module
 */
import type { Database } from './database.js';

const SCHEMA = [
  `CREATE TABLE customers (
     id integer PRIMARY KEY,
     name text NOT NULL,
     email text NOT NULL UNIQUE,
     country text NOT NULL,
     joined_on date NOT NULL
   )`,
  `CREATE TABLE products (
     id integer PRIMARY KEY,
     name text NOT NULL,
     category text NOT NULL,
     price numeric(10, 2) NOT NULL CHECK (price >= 0),
     stock integer NOT NULL DEFAULT 0
   )`,
  `CREATE TABLE orders (
     id integer PRIMARY KEY,
     customer_id integer NOT NULL REFERENCES customers (id),
     ordered_at timestamptz NOT NULL,
     status text NOT NULL CHECK (status IN ('pending', 'paid', 'shipped', 'cancelled'))
   )`,
  `CREATE TABLE order_items (
     order_id integer NOT NULL REFERENCES orders (id),
     product_id integer NOT NULL REFERENCES products (id),
     quantity integer NOT NULL CHECK (quantity > 0),
     unit_price numeric(10, 2) NOT NULL,
     PRIMARY KEY (order_id, product_id)
   )`,
  'COMMENT ON TABLE customers IS $$People who bought from the shop$$',
];

const CUSTOMERS: [string, string][] = [
  ['Ada Lovelace', 'GB'], ['Alan Turing', 'GB'], ['Grace Hopper', 'US'], ['Edsger Dijkstra', 'NL'],
  ['Barbara Liskov', 'US'], ['Donald Knuth', 'US'], ['Margaret Hamilton', 'US'], ['Niklaus Wirth', 'CH'],
  ['Frances Allen', 'US'], ['Tim Berners-Lee', 'GB'], ['Radia Perlman', 'US'], ['Leslie Lamport', 'US'],
];

const PRODUCTS: [string, string, string, number][] = [
  ['Mechanical keyboard', 'hardware', '89.00', 25], ['Trackball', 'hardware', '45.50', 12],
  ['27" monitor', 'hardware', '239.99', 7], ['USB-C hub', 'hardware', '29.90', 40],
  ['Desk lamp', 'office', '34.00', 18], ['Notebook (A5, dotted)', 'office', '6.50', 120],
  ['Fountain pen', 'office', '24.00', 30], ['The Art of Computer Programming', 'books', '199.00', 3],
  ['Structure and Interpretation of Computer Programs', 'books', '48.00', 9], ['Coffee beans (1 kg)', 'pantry', '18.75', 60],
];

const STATUSES = ['paid', 'shipped', 'shipped', 'pending', 'cancelled'] as const;

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function seedRows(): string[] {
  const customers = CUSTOMERS.map(([name, country], i) => {
    const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.com`;
    const joined = `2024-${String((i % 12) + 1).padStart(2, '0')}-${String(((i * 7) % 27) + 1).padStart(2, '0')}`;
    return `(${i + 1}, ${literal(name)}, ${literal(email)}, ${literal(country)}, DATE ${literal(joined)})`;
  });
  const products = PRODUCTS.map(([name, category, price, stock], i) => `(${i + 1}, ${literal(name)}, ${literal(category)}, ${price}, ${stock})`);
  const orders: string[] = [];
  const items: string[] = [];
  for (let id = 1; id <= 24; id++) {
    const customer = ((id * 5) % CUSTOMERS.length) + 1;
    const day = String(((id * 3) % 28) + 1).padStart(2, '0');
    const month = String(((id - 1) % 6) + 1).padStart(2, '0');
    orders.push(`(${id}, ${customer}, TIMESTAMPTZ ${literal(`2025-${month}-${day} ${10 + (id % 8)}:15:00+00`)}, ${literal(STATUSES[id % STATUSES.length] ?? 'paid')})`);
    // One to three distinct products per order, chosen by a fixed rule.
    for (let k = 0; k < (id % 3) + 1; k++) {
      const product = ((id * 7 + k * 3) % PRODUCTS.length) + 1;
      items.push(`(${id}, ${product}, ${((id + k) % 4) + 1}, ${PRODUCTS[product - 1]?.[2] ?? '0'})`);
    }
  }
  return [
    `INSERT INTO customers VALUES ${customers.join(', ')}`,
    `INSERT INTO products VALUES ${products.join(', ')}`,
    `INSERT INTO orders VALUES ${orders.join(', ')}`,
    `INSERT INTO order_items VALUES ${items.join(', ')}`,
  ];
}

/** Creates and fills the sample tables (in one committed transaction). Fails if they exist. */
export async function seedSampleData(db: Database): Promise<void> {
  await db.transaction(
    async (session) => {
      for (const statement of [...SCHEMA, ...seedRows()]) await session.query(statement);
    },
    { readOnly: false, commit: true },
  );
}
