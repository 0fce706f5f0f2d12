using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CampaignBot;

/// <summary>
/// Moves the hosted services that some registrations add to an earlier place in the start order, leaving every other
/// registration (and so the order of enumerated services such as status sources) as it was. Services start in this
/// order and stop in reverse.
/// </summary>
internal sealed class StartEarly(IServiceCollection services)
{
    private readonly List<ServiceDescriptor> _moved = [];

    /// <summary>Runs <paramref name="register"/> and remembers the hosted services it added.</summary>
    public void Add(Action<IServiceCollection> register)
    {
        var before = services.Where(IsHosted).ToHashSet();
        register(services);
        _moved.AddRange(services.Where(d => IsHosted(d) && !before.Contains(d)));
    }

    /// <summary>Places the remembered hosted services, in the order they were added, right after <typeparamref name="T"/>.</summary>
    public void StartAfter<T>()
        where T : IHostedService
    {
        foreach (var descriptor in _moved)
        {
            services.Remove(descriptor);
        }

        var anchor = services.IndexOf(services.Single(d => IsHosted(d) && d.ImplementationType == typeof(T)));
        for (var i = 0; i < _moved.Count; i++)
        {
            services.Insert(anchor + 1 + i, _moved[i]);
        }
    }

    private static bool IsHosted(ServiceDescriptor descriptor) => descriptor.ServiceType == typeof(IHostedService);
}
