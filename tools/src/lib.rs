//! Generators and trainers for the tables and models embedded in factlens.
//! Each command is a binary in `src/bin/`; none of this ships in the page.
