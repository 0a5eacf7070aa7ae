namespace Crawler.LoadTest.Fuzzing;

/// <summary>This process's living descendants (Linux /proc), to show that no killed tool left children behind.</summary>
public static class ProcessTree
{
    public static IReadOnlyList<string> Descendants()
    {
        if (!Directory.Exists("/proc")) return [];
        var parents = new Dictionary<int, (int Parent, string Name)>();
        foreach (var dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                // /proc/PID/stat: "pid (comm) state ppid …"; comm may hold spaces and parentheses, so split after the last ')'.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var close = stat.LastIndexOf(')');
                var name = stat[(stat.IndexOf('(') + 1)..close];
                var fields = stat[(close + 2)..].Split(' ');
                if (fields[0] != "Z") parents[pid] = (int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture), name);
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
        }
        var self = Environment.ProcessId;
        bool Descends(int pid)
        {
            for (var hops = 0; hops < 64 && parents.TryGetValue(pid, out var p); hops++)
            {
                if (p.Parent == self) return true;
                pid = p.Parent;
            }
            return false;
        }
        return parents.Where(p => Descends(p.Key)).Select(p => $"{p.Value.Name} ({p.Key})").ToList();
    }
}
