Console.WriteLine("Ombudsman benchmarks: see docs/BENCHMARKS.md");
