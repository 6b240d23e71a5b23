namespace Stowage.Core.Uploads;

/// <summary>What <see cref="IUploadStore.ReserveFileAsync"/> did.</summary>
public enum ReservationOutcome
{
    /// <summary>The file record was inserted; <see cref="FileReservation.File"/> is it.</summary>
    Created,

    /// <summary>A file of that name already exists; <see cref="FileReservation.File"/> is the existing one.</summary>
    Existing,

    /// <summary>The session's files would add up to more than the session cap.</summary>
    SessionTooLarge,

    /// <summary>The account's stored bytes would exceed its quota.</summary>
    QuotaExceeded,

    /// <summary>The session does not exist or was consumed by a project.</summary>
    SessionGone,
}

public sealed record FileReservation(ReservationOutcome Outcome, UploadFileRecord? File);

/// <summary>Caps checked atomically with the insert; null means unlimited.</summary>
public sealed record ReservationLimits(long? MaxSessionBytes, long? QuotaBytes);
