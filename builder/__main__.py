from builder.cli import console

console()
