fn main() -> std::process::ExitCode {
    prisma_analyzer::cli::main()
}
