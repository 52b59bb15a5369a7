"""Demo data for the services directory: fictional services in real Croydon postcode districts."""
