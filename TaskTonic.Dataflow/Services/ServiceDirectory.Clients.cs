namespace TaskTonic.Dataflow.Services;

// Client tracking: clients leaving, services completing, restarted clients, and the reachability sweep that finishes
// services no real client reaches any more (services that only use each other, or only their own workers).
public sealed partial class ServiceDirectory
{
    /// <summary>A tonic starts finishing: as a service it stops taking clients; as a client it leaves its services.</summary>
    internal void TonicFinishing(Tonic tonic)
    {
        List<(ServiceEntry Entry, int Left)> left = [];
        List<Tonic> finish;
        lock (_gate)
        {
            if (tonic.ServiceLinks is not { } links)
            {
                return;
            }

            if (links.AsService is { } own)
            {
                own.Finishing = true;
            }

            foreach (var entry in links.Using)
            {
                entry.Clients.Remove(tonic);
                left.Add((entry, entry.Clients.Count));
            }

            links.Using.Clear();
            finish = Collect();
        }

        foreach (var (entry, count) in left)
        {
            entry.Instance.PostHook("ttse__on_service_base_completed", (tonic.Id, count), s_clientLeftHook);
        }

        foreach (var service in finish)
        {
            service.RequestFinish();
        }
    }

    /// <summary>A service completed: it leaves the directory and its remaining clients are told.</summary>
    internal void TonicCompleted(Tonic tonic)
    {
        List<Tonic> clients;
        string name;
        lock (_gate)
        {
            if (tonic.ServiceLinks?.AsService is not { } entry)
            {
                return;
            }

            name = entry.Name;
            if (_entries.TryGetValue(name, out var current) && ReferenceEquals(current, entry))
            {
                _entries.Remove(name);
            }

            clients = [.. entry.Clients];
            entry.Clients.Clear();
            foreach (var client in clients)
            {
                client.ServiceLinks?.Using.Remove(entry);
            }
        }

        foreach (var client in clients)
        {
            if (client.IsFinishing)
            {
                continue;
            }

            var hook = $"ttse__on_{name}_completed";
            if (client.Descriptor.FindSparkle(hook) >= 0)
            {
                client.PostHook(hook, null);
            }
            else
            {
                client.PostHook("ttse__on_service_completed", name, s_completedHook);
            }
        }
    }

    /// <summary>A supervisor restarted a client (or a service): the fresh instance keeps its links.</summary>
    internal void ReplaceClient(Tonic old, Tonic fresh)
    {
        lock (_gate)
        {
            var links = old.ServiceLinks;
            if (links is null)
            {
                return;
            }

            fresh.ServiceLinks = links;
            foreach (var entry in links.Using)
            {
                var index = entry.Clients.IndexOf(old);
                if (index >= 0)
                {
                    entry.Clients[index] = fresh;
                }
            }

            links.AsService?.Instance = fresh;
        }
    }

    /// <summary>
    /// The services to finish: those that had clients and are no longer reachable from a real client (one that belongs
    /// to no service). Called under the lock.
    /// </summary>
    private List<Tonic> Collect()
    {
        var reachable = new HashSet<ServiceEntry>();
        var pending = new Stack<ServiceEntry>();
        var uses = new Dictionary<ServiceEntry, List<ServiceEntry>>();
        foreach (var entry in _entries.Values)
        {
            foreach (var client in entry.Clients)
            {
                var owner = OwnerOf(client);
                if (owner is null)
                {
                    if (reachable.Add(entry))
                    {
                        pending.Push(entry);
                    }
                }
                else if (!ReferenceEquals(owner, entry))
                {
                    if (!uses.TryGetValue(owner, out var list))
                    {
                        uses[owner] = list = [];
                    }

                    list.Add(entry);
                }
            }
        }

        while (pending.TryPop(out var entry))
        {
            if (entry.Finishing || !uses.TryGetValue(entry, out var used))
            {
                continue;
            }

            foreach (var next in used)
            {
                if (reachable.Add(next))
                {
                    pending.Push(next);
                }
            }
        }

        List<Tonic> finish = [];
        foreach (var entry in _entries.Values)
        {
            if (!entry.Finishing && entry.HadClients && !reachable.Contains(entry))
            {
                entry.Finishing = true;
                finish.Add(entry.Instance);
            }
        }

        return finish;
    }

    /// <summary>The service a tonic belongs to (itself, or the nearest service among its bases), or null for a real client.</summary>
    private static ServiceEntry? OwnerOf(Tonic tonic)
    {
        for (var t = tonic; t is not null; t = t.Parent)
        {
            if (t.ServiceLinks?.AsService is { } entry)
            {
                return entry;
            }
        }

        return null;
    }
}
